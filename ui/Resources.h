#pragma once

namespace chorus::ui {

/// Registers the embedded icons (resources/chorus.qrc lives in a static library, so
/// its initialiser must be referenced explicitly). Safe to call more than once.
void initResources();

} // namespace chorus::ui
