// Citation labels for imported provisions, in English ("Article 58(2)(ii)", "Annex 1, Table 2,
// item 3") and Chinese ("第五十八條第二款第（二）項", "附件1表2第3項"), built from the chain of
// units from the top of the outline down to the provision.
#pragma once

#include <string>
#include <vector>

#include "outline.h"

namespace provisio::import {

// REQUIRES: `chain` non-empty, outermost first. `lang` is en, zh-Hant or zh-Hans.
std::string citation(const std::vector<const OutlineNode*>& chain, const std::string& lang);

}  // namespace provisio::import
