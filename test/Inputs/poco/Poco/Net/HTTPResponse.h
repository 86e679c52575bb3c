// Mock of POCO's Poco/Net/HTTPResponse.h for dbrace's tests.
#ifndef MOCK_POCO_NET_HTTPRESPONSE_H
#define MOCK_POCO_NET_HTTPRESPONSE_H
#include "Poco/Net/HTTPMessage.h"
namespace Poco {
namespace Net {
class HTTPResponse : public HTTPMessage {
public:
  enum HTTPStatus { HTTP_OK = 200 };

  HTTPResponse() {}
  HTTPStatus getStatus() const { return HTTP_OK; }
};
} // namespace Net
} // namespace Poco
#endif
