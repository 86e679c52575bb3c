// Mock of POCO's Poco/Net/HTTPRequest.h for dbrace's tests.
#ifndef MOCK_POCO_NET_HTTPREQUEST_H
#define MOCK_POCO_NET_HTTPREQUEST_H
#include "Poco/Net/HTTPMessage.h"
namespace Poco {
namespace Net {
class HTTPRequest : public HTTPMessage {
public:
  HTTPRequest() {}
  HTTPRequest(const std::string &method, const std::string &uri) {}
  HTTPRequest(const std::string &method, const std::string &uri,
              const std::string &version) {}

  static const std::string HTTP_POST;
};
} // namespace Net
} // namespace Poco
#endif
