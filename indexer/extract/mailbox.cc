#include "mailbox.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "gmime_support.h"
#include "reader.h"

namespace provisio::submissions {

bool looks_like_mbox(std::string_view bytes) { return bytes.substr(0, 5) == "From "; }

std::vector<MailboxMessage> split_mbox(const std::string& file_name, std::string_view bytes) {
  if (!looks_like_mbox(bytes))
    throw ReadError(file_name + ": not an mbox file (it does not start with a \"From \" line)");
  detail::init_gmime();
  // GMime finds the "From " separators; the messages it builds are dropped: each message's own bytes are read again as an .eml so that a
  // message filed from an mbox and the same message saved as .eml are read alike.
  detail::GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  detail::GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MBOX);
  std::vector<std::size_t> markers;
  while (!g_mime_parser_eos(parser.get())) {
    detail::GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message) break;
    gint64 offset = g_mime_parser_get_mbox_marker_offset(parser.get());
    if (offset < 0 || static_cast<std::size_t>(offset) >= bytes.size()) break;
    if (!markers.empty() && static_cast<std::size_t>(offset) <= markers.back()) break;
    markers.push_back(static_cast<std::size_t>(offset));
    if (markers.size() > kMailboxMaxMessages)
      throw ReadError(file_name + ": more than " + std::to_string(kMailboxMaxMessages) + " messages in one mbox file");
  }
  if (markers.empty()) throw ReadError(file_name + ": no message found in the mbox file");
  std::vector<MailboxMessage> out;
  std::string base = std::filesystem::path(file_name).filename().string();
  for (std::size_t i = 0; i < markers.size(); ++i) {
    std::size_t end = i + 1 < markers.size() ? markers[i + 1] : bytes.size();
    std::size_t start = bytes.find('\n', markers[i]);
    start = start == std::string_view::npos || start >= end ? end : start + 1;
    std::string message(bytes.substr(start, end - start));
    // The blank line that separates messages belongs to the mbox, not to the message: trailing
    // line ends are cut to one, so the same message exported twice has the same bytes (and hash).
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    message += '\n';
    out.push_back({base + "#" + std::to_string(i + 1), std::move(message)});
  }
  return out;
}

bool is_maildir(const std::filesystem::path& folder) {
  std::error_code ec;
  return std::filesystem::is_directory(folder / "cur", ec) && std::filesystem::is_directory(folder / "new", ec);
}

std::vector<std::filesystem::path> maildir_messages(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> out;
  for (const char* sub : {"cur", "new"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder / sub, ec)) {
      std::error_code type_ec;
      // Maildir files whose names start with a dot are not messages (e.g. Dovecot's index files).
      if (entry.is_regular_file(type_ec) && entry.path().filename().string()[0] != '.') out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace provisio::submissions
