#include "db/database.h"
#include "service/ticket_service.h"

#include <cstdio>

int main() {
  if (!Database::instance().connect("127.0.0.1", "tickets", "", "tickets"))
    return 1;
  std::printf("%d\n", tickets::sellSeatLocked(1) ? 1 : 0);
  return 0;
}
