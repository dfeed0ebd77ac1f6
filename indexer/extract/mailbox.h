// Mailbox exports: an mbox file (what Thunderbird, mutt and Google Takeout export) split into its
// messages with GMime's mbox parser, and Maildir folders (cur/, new/) found on disk. Each message
// is then read like an .eml file (reader.h) and filed as its own submission.
//
// Thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace provisio::submissions {

// One message of a mailbox: its bytes without the mbox "From " separator line, and a name for
// messages and errors, "inbox.mbox#12" (the 1-based message number).
struct MailboxMessage {
  std::string name;
  std::string bytes;
};

// More messages than this in one mbox file are refused (a mailbox of a consultation holds hundreds).
inline constexpr std::size_t kMailboxMaxMessages = 100'000;

// True when `bytes` starts like an mbox file: a "From " separator line.
bool looks_like_mbox(std::string_view bytes);

// The messages of the mbox file named `file_name`. Every line starting with "From " starts a
// message (GMime's parser does not ask for a blank line before it); exporters write such body
// lines as ">From ", which is kept as written. Throws ReadError naming the file when it is not
// an mbox file (no "From " line at its start) or holds more than kMailboxMaxMessages messages.
std::vector<MailboxMessage> split_mbox(const std::string& file_name, std::string_view bytes);

// True when `folder` is a Maildir: it holds `cur` and `new` folders.
bool is_maildir(const std::filesystem::path& folder);

// The message files of the Maildir `folder` (cur/ and new/, not tmp/, which holds messages still
// being delivered), sorted by name.
std::vector<std::filesystem::path> maildir_messages(const std::filesystem::path& folder);

}  // namespace provisio::submissions
