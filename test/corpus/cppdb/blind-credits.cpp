// FLAGS: -Wno-unused-parameter
// Blind cases, labelled by hand before dbrace was run on them: loyalty points
// per member number, CppDB on PostgreSQL, real <cppdb/frontend.h>.
#include <cppdb/frontend.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace loyalty {

struct Member {
  std::string member_no;
  int points = 0;
  std::string tier;
};

// case: unsafe
// cppdb::transaction without a lock on the read; the remaining points are
// computed in C++ and written back (two redemptions both spend the points).
bool redeem_points(cppdb::session &sql, const std::string &memberNo, int cost) {
  cppdb::transaction guard(sql);
  Member m;
  m.member_no = memberNo;
  cppdb::result r = sql << "SELECT points, tier FROM loyalty.members WHERE member_no = ?" << memberNo << cppdb::row; // expect: dbrace-unlocked-read-update
  if (r.empty())
    throw std::runtime_error("unknown member " + memberNo);
  r >> m.points >> m.tier;
  if (m.points < cost)
    return false;
  sql << "UPDATE loyalty.members SET points = ? WHERE member_no = ?" << m.points - cost << memberNo
      << cppdb::exec;
  guard.commit();
  return true;
}

// case: safe
// The member row is read FOR UPDATE inside the transaction that writes it.
bool redeem_points_locked(cppdb::session &sql, const std::string &memberNo, int cost) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT points FROM loyalty.members WHERE member_no = ? FOR UPDATE" << memberNo
                        << cppdb::row;
  if (r.empty())
    return false;
  const int points = r.get<int>(0);
  if (points < cost)
    return false;
  sql << "UPDATE loyalty.members SET points = ? WHERE member_no = ?" << points - cost << memberNo
      << cppdb::exec;
  guard.commit();
  return true;
}

// case: unsafe
// FOR UPDATE with no transaction on the session: the lock ends with the
// SELECT, and the tier upgrade is decided on points read under it.
bool upgrade_tier(cppdb::session &sql, const std::string &memberNo) {
  cppdb::result r = sql << "SELECT points, tier FROM loyalty.members WHERE member_no = ? FOR UPDATE" << memberNo << cppdb::row; // expect: dbrace-lock-without-transaction
  if (r.empty())
    return false;
  const int points = r.get<int>("points");
  const std::string tier = r.get<std::string>("tier");
  if (tier != "silver" || points < 10000)
    return false;
  sql << "UPDATE loyalty.members SET tier = 'gold', points = ? WHERE member_no = ?" << points - 10000
      << memberNo << cppdb::exec;
  return true;
}

// case: safe
// The UPDATE re-checks the points itself; statement::affected() decides.
bool redeem_points_atomic(cppdb::session &sql, const std::string &memberNo, int cost) {
  cppdb::statement st = sql << "UPDATE loyalty.members SET points = points - ? "
                               "WHERE member_no = ? AND points >= ?"
                            << cost << memberNo << cost;
  st.exec();
  return st.affected() == 1;
}

// case: unsafe
// Correctly locked, but the partner webhook is called with std::system
// (curl in a child process) before the commit.
bool transfer_to_partner(cppdb::session &sql, const std::string &memberNo, const std::string &partner,
                         int points) {
  cppdb::transaction guard(sql);
  cppdb::result r = sql << "SELECT points FROM loyalty.members WHERE member_no = ? FOR UPDATE" << memberNo
                        << cppdb::row;
  if (r.empty() || r.get<int>(0) < points)
    return false;
  sql << "UPDATE loyalty.members SET points = points - ? WHERE member_no = ?" << points << memberNo
      << cppdb::exec;
  const std::string cmd = "curl -fsS -X POST https://partners.example/" + partner + "/credit?points=" +
                          std::to_string(points);
  if (std::system(cmd.c_str()) != 0) // expect: dbrace-slow-call-in-transaction
    return false;
  guard.commit();
  return true;
}

} // namespace loyalty
