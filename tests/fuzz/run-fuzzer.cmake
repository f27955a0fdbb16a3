# cmake -DFUZZER=... -DSEEDS=... -DWORK_DIR=... [-DDEFAULT_SECONDS=...] -P run-fuzzer.cmake
# Runs one libFuzzer target for $CHORUS_FUZZ_SECONDS seconds (default: the fuzzer's
# SECONDS in fuzzers.cmake, else 60). New inputs
# go to a scratch corpus in WORK_DIR, never into the seed corpus in the source tree;
# a crashing input is kept in WORK_DIR/artifacts and the test fails.
set(seconds 60)
if(DEFAULT_SECONDS)
    set(seconds "${DEFAULT_SECONDS}")
endif()
if(DEFINED ENV{CHORUS_FUZZ_SECONDS} AND NOT "$ENV{CHORUS_FUZZ_SECONDS}" STREQUAL "")
    set(seconds "$ENV{CHORUS_FUZZ_SECONDS}")
endif()
if(NOT EXISTS "${FUZZER}")
    message(FATAL_ERROR "${FUZZER} was not built (did fuzz.build run?)")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus" "${WORK_DIR}/artifacts")
execute_process(
    COMMAND "${CMAKE_COMMAND}" -E env
        "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1"
        "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
        "${FUZZER}" -max_total_time=${seconds} -timeout=10 -rss_limit_mb=2048 -max_len=16384
        -print_final_stats=1 "-artifact_prefix=${WORK_DIR}/artifacts/"
        "${WORK_DIR}/corpus" "${SEEDS}"
    WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${FUZZER} found a problem (exit ${rc}); the input is in ${WORK_DIR}/artifacts")
endif()
