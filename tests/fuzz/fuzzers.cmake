# The fuzzers: one line each, read by both builds (tests/fuzz/CMakeLists.txt registers
# the CTest tests, harness/CMakeLists.txt builds them with clang and libFuzzer).
#
#   chorus_fuzzer(<name> AREA <area> APP <app folders it needs, dependencies included>)
#
# Source: tests/fuzz/fuzz_<name>.cpp (defines LLVMFuzzerTestOneInput);
# seed corpus: tests/fuzz/corpus/<name>/ (one input per file).
chorus_fuzzer(streamparser AREA xmpp APP xmpp)
chorus_fuzzer(order_parser AREA sales APP sales chat)
chorus_fuzzer(catalog_csv AREA sales APP sales chat)
chorus_fuzzer(signup_parser AREA activities APP activities chat)
