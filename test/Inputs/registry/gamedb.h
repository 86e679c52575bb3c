// A game server's database layer in the style of MMO server code: every
// statement is bound to an enum index once, at start-up, and run elsewhere
// by index; a string-keyed registry does the same for ad hoc text. Described
// to dbrace by gamedb.yaml beside this header. Declarations only.
#ifndef GAMEDB_H
#define GAMEDB_H

#include <string>

namespace game {

enum CharacterStatements : unsigned {
  CHAR_SEL_GOLD,
  CHAR_UPD_GOLD,
  CHAR_SEL_GOLD_LOCKED,
  CHAR_SEL_ITEM_COUNT,
  CHAR_UPD_ITEM_COUNT,
  CHAR_INS_ITEM,
  CHAR_UPD_MAIL_READ,
  MAX_CHARACTER_STATEMENTS
};

class ResultSet {
public:
  bool next();
  int getInt(unsigned column) const;
};

class PreparedStatement {
public:
  void setInt(unsigned index, int value);
};

class Database {
public:
  void PrepareStatement(unsigned index, const char *sql);
  PreparedStatement *GetPreparedStatement(unsigned index);
  ResultSet *Query(PreparedStatement *stmt);
  void Execute(PreparedStatement *stmt);
  ResultSet *DirectQuery(const std::string &sql);
  ResultSet *DirectQueryW(const wchar_t *sql);
  void BeginTransaction();
  void CommitTransaction();
};

/// Text registered under a name once, looked up by name.
class QueryRegistry {
public:
  void add(const std::string &name, const std::string &sql);
  const std::string &get(const std::string &name) const;
};

} // namespace game

#endif
