// Mock of POCO's Poco/Net/HTTPMessage.h for dbrace's tests: the headers a
// request or a response carries.
#ifndef MOCK_POCO_NET_HTTPMESSAGE_H
#define MOCK_POCO_NET_HTTPMESSAGE_H
#include <ios>
#include <string>
namespace Poco {
namespace Net {
class HTTPMessage {
public:
  void setContentLength(std::streamsize length) {}
  void setContentType(const std::string &mediaType) {}

  static const std::string HTTP_1_1;

protected:
  HTTPMessage() {}
  virtual ~HTTPMessage() {}
};
} // namespace Net
} // namespace Poco
#endif
