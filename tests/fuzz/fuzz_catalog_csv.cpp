// libFuzzer entry point for the catalog CSV reader: any bytes are either refused with
// problems that name real lines, or read into items that write back and read again
// to the same items.
#include "sales/CatalogCsv.h"

#include <cstddef>
#include <cstdint>

using namespace chorus::sales;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto items = CatalogCsv::read(bytes);
    if (!items) {
        const int lines = int(bytes.count('\n') + bytes.count('\r') + 1);
        for (const CatalogCsvProblem &problem : items.error().problems) {
            if (problem.line < 0 || problem.line > lines || problem.reason.isEmpty())
                __builtin_trap();
        }
        return 0;
    }
    const auto written = CatalogCsv::write(items.value());
    if (!written)
        __builtin_trap(); // what was read must be writable
    const auto again = CatalogCsv::read(written.value());
    if (!again || again.value() != items.value())
        __builtin_trap();
    return 0;
}
