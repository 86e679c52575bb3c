// Mock of POCO's Poco/Net/HTTPClientSession.h for dbrace's tests: a
// synchronous HTTP client. sendRequest() and receiveResponse() block on the
// network (rules/slow-calls.yaml lists them).
#ifndef MOCK_POCO_NET_HTTPCLIENTSESSION_H
#define MOCK_POCO_NET_HTTPCLIENTSESSION_H
#include "Poco/Net/HTTPRequest.h"
#include "Poco/Net/HTTPResponse.h"
#include "Poco/Types.h"
#include <istream>
#include <ostream>
#include <string>
namespace Poco {
namespace Net {
class HTTPClientSession {
public:
  HTTPClientSession() {}
  HTTPClientSession(const std::string &host, Poco::UInt16 port = 80) {}
  virtual ~HTTPClientSession() {}

  virtual std::ostream &sendRequest(HTTPRequest &request);
  virtual std::istream &receiveResponse(HTTPResponse &response);

private:
  HTTPClientSession(const HTTPClientSession &);
  HTTPClientSession &operator=(const HTTPClientSession &);
};
} // namespace Net
} // namespace Poco
#endif
