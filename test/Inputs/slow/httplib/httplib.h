// A mock of cpp-httplib's client (httplib.h): the declarations dbrace's
// rules name, with the shapes of the real single-header library.
#pragma once
#include <memory>
#include <string>

namespace httplib {
struct Response {
  int status = 0;
  std::string body;
};
class Result {
public:
  explicit operator bool() const { return Res != nullptr; }
  const Response &operator*() const { return *Res; }
  const Response *operator->() const { return Res.get(); }

private:
  std::unique_ptr<Response> Res;
};
class Client {
public:
  explicit Client(const std::string &SchemeHostPort);
  Result Get(const std::string &Path);
  Result Post(const std::string &Path, const std::string &Body,
              const std::string &ContentType);
  Result Put(const std::string &Path, const std::string &Body,
             const std::string &ContentType);
  Result Delete(const std::string &Path);
};
} // namespace httplib
