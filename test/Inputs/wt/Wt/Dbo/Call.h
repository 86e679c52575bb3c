// Mock of Wt 4's Wt/Dbo/Call.h: Session::execute() returns a Call, which
// runs the statement in run() or, at the latest, in its destructor.
#ifndef MOCK_WT_DBO_CALL_H
#define MOCK_WT_DBO_CALL_H
namespace Wt {
namespace Dbo {
class Call {
public:
  ~Call() noexcept(false) {}
  template <typename T> Call &bind(const T &value) { return *this; }
  void run() {}
};
} // namespace Dbo
} // namespace Wt
#endif
