// Mailbox exports: an mbox file split by GMime's mbox parser, then each message read as an email.
#include <cstdint>
#include <string_view>

#include "mailbox.h"
#include "reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    auto messages =
        provisio::submissions::split_mbox("fuzz.mbox", std::string_view(reinterpret_cast<const char*>(data), size));
    for (const auto& m : messages) {
      try {
        provisio::submissions::read_email_message(m.name, m.bytes);
      } catch (const provisio::submissions::ReadError&) {
      }
    }
  } catch (const provisio::submissions::ReadError&) {
  }
  return 0;
}
