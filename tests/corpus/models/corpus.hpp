// The corpus's vocabulary: its enum types, and which step of the corpus is being built.
#pragma once
#include <migrate/model.hpp>

// One set of sources, three executables: CORPUS_STEP says which state of the schema they declare.
// Step 2 changes a little of everything; step 3 adds enum labels, whose downgrade cannot exist.
#ifndef CORPUS_STEP
#error "define CORPUS_STEP (1, 2 or 3)"
#endif

namespace corpus {

using namespace migrate;

// Step 3 adds a label before the first (ADD VALUE ... BEFORE) and one in the middle (AFTER).
inline const Type ItemStatus = Enum("item_status",
#if CORPUS_STEP >= 3
                                    {"proposed", "draft", "review", "active", "archived"},
#else
                                    {"draft", "active", "archived"},
#endif
                                    "corpus");

// An enum in the other schema, used as an array element. Step 2 removes a label (the type
// is replaced, its array columns converted) and adds one.
#if CORPUS_STEP >= 2
inline const Type Priority = Enum("priority", {"low", "high", "urgent"}, "corpus_ref");
#else
inline const Type Priority = Enum("priority", {"low", "normal", "high"}, "corpus_ref");
#endif

}  // namespace corpus
