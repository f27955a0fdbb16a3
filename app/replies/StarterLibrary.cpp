#include "replies/StarterLibrary.h"

#include "replies/LibraryJson.h"

#include <QCoreApplication>
#include <QFile>

namespace chorus::replies {

ImportResult loadStarterLibrary()
{
    QFile file(QString::fromUtf16(kStarterLibraryPath));
    if (!file.open(QIODevice::ReadOnly))
        return ImportError {ImportError::Code::Empty,
                            0,
                            0,
                            {},
                            QCoreApplication::translate("chorus::replies::Import",
                                                        "the starter library is missing from "
                                                        "this build")};
    return importLibraryJson(file.readAll());
}

} // namespace chorus::replies
