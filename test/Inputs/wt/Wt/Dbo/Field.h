// Mock of Wt 4's Wt/Dbo/Field.h: persist() maps members to columns.
#ifndef MOCK_WT_DBO_FIELD_H
#define MOCK_WT_DBO_FIELD_H
#include <string>
namespace Wt {
namespace Dbo {
template <class Action, typename V>
void field(Action &action, V &value, const std::string &name, int size = -1) {}
} // namespace Dbo
} // namespace Wt
#endif
