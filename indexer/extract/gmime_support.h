// What the GMime readers (email_reader.cc, mailbox.cc) share: GObject ownership and library setup.
#pragma once

#include <gmime/gmime.h>

#include <memory>
#include <mutex>

namespace provisio::submissions::detail {

// Owns a GObject reference and drops it with g_object_unref.
template <typename T>
struct GObjectDeleter {
  void operator()(T* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter<T>>;

// Initialises GMime once per process (thread-safe); call before any parser is made.
inline void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

}  // namespace provisio::submissions::detail
