// Mock of POCO Data's Poco/Data/SessionFactory.h (1.11): the singleton that
// creates a Session for a connector's key (`"SQLite"`, `"PostgreSQL"`) or a
// `key:///connectionString` URI.
#ifndef MOCK_POCO_DATA_SESSIONFACTORY_H
#define MOCK_POCO_DATA_SESSIONFACTORY_H
#include "Poco/Data/Session.h"
#include <cstddef>
#include <string>
namespace Poco {
namespace Data {

class Connector;

class SessionFactory {
public:
  static SessionFactory &instance();
  void add(Connector *pIn);
  void remove(const std::string &key);
  Session create(const std::string &key, const std::string &connectionString,
                 std::size_t timeout = 60);
  Session create(const std::string &uri, std::size_t timeout = 60);

private:
  SessionFactory();
  ~SessionFactory();
  SessionFactory(const SessionFactory &);
};

} // namespace Data
} // namespace Poco
#endif
