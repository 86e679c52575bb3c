//===--- ConnectionDialects.h - The database each connection was opened on ===//
//
// A translation unit may talk to several databases through one library (a
// tool that copies from an SQLite file into PostgreSQL, an application with
// a local cache beside its server). Each statement's SQL is then read in
// the dialect of the connection it runs on, followed back from the call to
// where a `dialect` call opened it: a variable's or member's initialiser
// and assignments, the arguments that calls in the unit pass a parameter,
// a connection looked up by the name it was registered under.
//
//===----------------------------------------------------------------------===//

#ifndef DBRACE_CORE_CONNECTIONDIALECTS_H
#define DBRACE_CORE_CONNECTIONDIALECTS_H

#include "ApiModel.h"
#include "SqlText.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>

namespace dbrace {

/// The dialects a connection may have been opened with.
struct DialectSet {
  llvm::SmallVector<sqlfacts::Dialect, 2> Named;
  /// Some way it was opened names no dialect the rules know, or was not
  /// followed.
  bool Unknown = false;

  void add(std::optional<sqlfacts::Dialect> D);
  void add(const DialectSet &Other);
  /// The dialect, where every way the connection was opened names it.
  std::optional<sqlfacts::Dialect> one() const;
  static DialectSet unknown() {
    DialectSet S;
    S.Unknown = true;
    return S;
  }
};

/// How one library's connections are opened in a translation unit, as its
/// `dialect` and `connection` calls say.
struct LibraryConnections {
  /// Connection names (`""`: the default one) to how each was opened.
  llvm::StringMap<DialectSet> ByName;
  /// A connection was registered under a name that is no constant text:
  /// a lookup by any name may find it.
  bool NameUnknown = false;
  /// Variables and members a `dialect` call with `result: object` was made
  /// on (`session.open(...)`).
  llvm::DenseMap<const clang::ValueDecl *, DialectSet> OpenedOn;
  /// The classes (qualified names) of the connections those calls open or
  /// return.
  llvm::StringSet<> Classes;
};

/// Records what a call (or construction) \p Call of a `dialect` rule, which
/// names \p Named, or of a `connection` rule says of its library's
/// connections. \p Object is null for constructors and free functions.
void noteConnectionCall(LibraryConnections &Out, const CallRule &Rule,
                        const clang::Expr *Call, const clang::Expr *Object,
                        llvm::ArrayRef<const clang::Expr *> Args,
                        std::optional<sqlfacts::Dialect> Named,
                        SqlTextResolver &Resolver);

/// The connection name argument \p Arg spells: its constant text, `""` for
/// a defaulted argument (the default connection); nullopt for anything
/// else.
std::optional<std::string> connectionName(const clang::Expr *Arg,
                                          SqlTextResolver &Resolver);

/// Follows statements back to their connections, in one translation unit
/// whose `dialect` and `connection` calls were indexed into
/// \p Connections (by library name).
class ConnectionDialects {
public:
  ConnectionDialects(clang::ASTContext &Ctx, const ApiModel &Model,
                     SqlTextResolver &Resolver,
                     const llvm::StringMap<LibraryConnections> &Connections)
      : Ctx(Ctx), Model(Model), Resolver(Resolver), Connections(Connections) {}

  /// The dialects of the connection \p RunsOn runs on: a call (its object
  /// and arguments), a construction, or a connection itself. Unknown where
  /// it cannot be followed to every place it was opened.
  DialectSet of(const clang::Stmt *RunsOn, const LibraryRules &Library);

private:
  struct Query;
  void indexOrigins();
  bool isConnection(clang::QualType T, const LibraryRules &Library) const;
  void connectionsIn(const clang::Expr *E, Query &Q,
                     llvm::SmallVectorImpl<const clang::Expr *> &Found,
                     unsigned Depth);
  DialectSet resolve(const clang::Expr *E, Query &Q, unsigned Depth,
                     bool Argument);
  std::optional<DialectSet> ruleCall(const clang::Expr *E);
  DialectSet named(const LibraryRules &Library, const clang::Expr *NameArg);
  DialectSet ofDecl(const clang::ValueDecl *D, Query &Q, unsigned Depth);
  llvm::SmallVector<const clang::Expr *, 2>
  originsOf(const clang::ValueDecl *D) const;

  clang::ASTContext &Ctx;
  const ApiModel &Model;
  SqlTextResolver &Resolver;
  const llvm::StringMap<LibraryConnections> &Connections;
  bool Indexed = false;
  /// Values stored into a variable or member: assignments, member
  /// initialisers (a local's own initialiser is read from its declaration).
  llvm::DenseMap<const clang::ValueDecl *,
                 llvm::SmallVector<const clang::Expr *, 2>>
      Assigned;
  /// (function, parameter number) to the arguments calls in the unit pass.
  llvm::DenseMap<std::pair<const clang::FunctionDecl *, unsigned>,
                 llvm::SmallVector<const clang::Expr *, 2>>
      Passed;
};

} // namespace dbrace

#endif // DBRACE_CORE_CONNECTIONDIALECTS_H
