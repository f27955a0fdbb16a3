# cmake -DSOURCE_DIR=... -DBUILD_DIR=... -P build-harness.cmake
# Configures (once) and builds the clang/libFuzzer tree. Run by the `fuzz.build` test.
find_program(CLANGXX NAMES clang++ clang++-14 REQUIRED)
find_program(NINJA NAMES ninja ninja-build)
set(generator)
if(NINJA)
    set(generator -G Ninja)
endif()
if(NOT EXISTS "${BUILD_DIR}/CMakeCache.txt")
    execute_process(
        COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BUILD_DIR}" ${generator}
            "-DCMAKE_CXX_COMPILER=${CLANGXX}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
        RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        file(REMOVE "${BUILD_DIR}/CMakeCache.txt")
        message(FATAL_ERROR "configuring the fuzz harness failed (${rc})")
    endif()
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the fuzzers failed (${rc})")
endif()
