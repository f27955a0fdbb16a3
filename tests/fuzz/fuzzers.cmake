# The fuzzers: one line each, read by both builds (tests/fuzz/CMakeLists.txt registers
# the CTest tests, harness/CMakeLists.txt builds them with clang and libFuzzer).
#
#   chorus_fuzzer(<name> AREA <area> APP <app folders it needs, dependencies included>
#                 [SUPPORT <files from tests/support>] [SECONDS <default run time>])
#
# Source: tests/fuzz/fuzz_<name>.cpp (defines LLVMFuzzerTestOneInput);
# seed corpus: tests/fuzz/corpus/<name>/ (one input per file).
chorus_fuzzer(streamparser AREA xmpp APP xmpp)
# The stream parser against the former QXmlStreamReader-based one; 45 s so that it and
# the differential unit test add about a minute to the test run.
chorus_fuzzer(streamparser_diff AREA xmpp APP xmpp SECONDS 45
    SUPPORT ReferenceStreamParser.cpp StreamParserDiff.cpp)
chorus_fuzzer(order_parser AREA sales APP sales chat)
chorus_fuzzer(catalog_csv AREA sales APP sales chat)
chorus_fuzzer(signup_parser AREA activities APP activities chat)
