# Helpers so that each target is a few lines. See README "Layout".

set(CHORUS_DEVSERVER "${PROJECT_SOURCE_DIR}/tools/devserver")
# Where the CTest server fixtures keep their throwaway configs and data.
set(CHORUS_SERVERS_DIR "${PROJECT_BINARY_DIR}/servers")

# Flags every Chorus target gets: warnings, sanitizers when asked.
function(chorus_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(CHORUS_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_NO_FOREACH)
endfunction()

if(CHORUS_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# chorus_add_library(<folder> SOURCES ... [PUBLIC libs...] [PRIVATE libs...])
# Creates static target chorus_<folder> with alias Chorus::<Folder>. Headers are
# included as "<folder>/Header.h" (app/ and the project root are on the include path).
function(chorus_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
    set(target chorus_${name})
    add_library(${target} STATIC ${ARG_SOURCES})
    string(SUBSTRING "${name}" 0 1 first)
    string(TOUPPER "${first}" first)
    string(SUBSTRING "${name}" 1 -1 rest)
    add_library(Chorus::${first}${rest} ALIAS ${target})
    target_include_directories(${target} PUBLIC
        "${PROJECT_SOURCE_DIR}/app" "${PROJECT_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/generated")
    target_link_libraries(${target} PUBLIC ${ARG_PUBLIC} PRIVATE ${ARG_PRIVATE})
    chorus_target_defaults(${target})
endfunction()

# chorus_add_test(<name> KIND unit|integration|ui|fuzz AREA <area>
#                 SOURCES ... [LIBS ...] [SERVERS prosody ejabberd] [TIMEOUT s]
#                 [ARGS ...] [LABELS extra...] [ENVIRONMENT VAR=value...])
# Builds tst_<name>. With SERVERS, registers one CTest test per server
# (<name>.prosody, <name>.ejabberd) that requires that server's fixture and finds it
# through CHORUS_TEST_SERVER_DIR. Every test is labelled with its kind, area and server.
set(CHORUS_TEST_KINDS unit integration ui fuzz)
set(CHORUS_TEST_AREAS xmpp store window members activities replies sales analytics
    reliability team foundation)
function(chorus_add_test name)
    cmake_parse_arguments(ARG "" "KIND;AREA;TIMEOUT"
        "SOURCES;LIBS;SERVERS;ARGS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_KIND IN_LIST CHORUS_TEST_KINDS)
        message(FATAL_ERROR "chorus_add_test(${name}): KIND must be one of ${CHORUS_TEST_KINDS}")
    endif()
    if(NOT ARG_AREA IN_LIST CHORUS_TEST_AREAS)
        message(FATAL_ERROR "chorus_add_test(${name}): AREA must be one of ${CHORUS_TEST_AREAS}")
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set(exe tst_${name})
    add_executable(${exe} ${ARG_SOURCES})
    target_link_libraries(${exe} PRIVATE Qt6::Test chorus_testsupport ${ARG_LIBS})
    chorus_target_defaults(${exe})
    set(env "QT_QPA_PLATFORM=offscreen" "CHORUS_DEVSERVER=${CHORUS_DEVSERVER}"
        "CHORUS_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data" ${ARG_ENVIRONMENT})
    if(ARG_SERVERS)
        foreach(server IN LISTS ARG_SERVERS)
            add_test(NAME ${name}.${server} COMMAND ${exe} ${ARG_ARGS})
            set_tests_properties(${name}.${server} PROPERTIES
                FIXTURES_REQUIRED ${server}
                LABELS "${ARG_KIND};${ARG_AREA};${server};${ARG_LABELS}"
                TIMEOUT ${ARG_TIMEOUT}
                ENVIRONMENT "${env};CHORUS_TEST_SERVER=${server};CHORUS_TEST_SERVER_DIR=${CHORUS_SERVERS_DIR}/${server}")
        endforeach()
    else()
        add_test(NAME ${name} COMMAND ${exe} ${ARG_ARGS})
        set_tests_properties(${name} PROPERTIES
            LABELS "${ARG_KIND};${ARG_AREA};${ARG_LABELS}"
            TIMEOUT ${ARG_TIMEOUT}
            ENVIRONMENT "${env}")
    endif()
endfunction()

# chorus_add_bench(<name> SOURCES ... [LIBS ...]): a program in bench/ that prints one
# JSON object on its last line.
function(chorus_add_bench name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE CHORUS_DEVSERVER="${CHORUS_DEVSERVER}")
    chorus_target_defaults(${name})
endfunction()
