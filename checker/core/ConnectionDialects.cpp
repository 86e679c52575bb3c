//===--- ConnectionDialects.cpp - The database each connection was opened on =//

#include "ConnectionDialects.h"
#include "AstNames.h"
#include "DialectEvidence.h"
#include "Events.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace dbrace {

void DialectSet::add(std::optional<sqlfacts::Dialect> D) {
  if (!D)
    Unknown = true;
  else if (!llvm::is_contained(Named, *D))
    Named.push_back(*D);
}

void DialectSet::add(const DialectSet &Other) {
  Unknown |= Other.Unknown;
  for (sqlfacts::Dialect D : Other.Named)
    add(D);
}

std::optional<sqlfacts::Dialect> DialectSet::one() const {
  if (Unknown || Named.size() != 1)
    return std::nullopt;
  return Named.front();
}

std::optional<std::string> connectionName(const Expr *Arg,
                                          SqlTextResolver &Resolver) {
  if (!Arg || isa<CXXDefaultArgExpr>(Arg->IgnoreParenImpCasts()))
    return std::string();
  RecoveredSql Text = Resolver.resolve(Arg, nullptr);
  if (!Text.Known() || !Text.Holes.empty())
    return std::nullopt;
  return Text.Text;
}

void noteConnectionCall(LibraryConnections &Out, const CallRule &Rule,
                        const Expr *Call, const Expr *Object,
                        llvm::ArrayRef<const Expr *> Args,
                        std::optional<sqlfacts::Dialect> Named,
                        SqlTextResolver &Resolver) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(Call);
  QualType Type = Call->getType();
  if (Rule.Action == CallAction::Dialect && !Construct &&
      Rule.Result == ResultKind::Object) {
    // `session.open(...)`: the object is the connection.
    if (!Object)
      return;
    Type = Object->getType();
    if (const ValueDecl *On = rootDecl(Object))
      Out.OpenedOn[On].add(Named);
  }
  if (const CXXRecordDecl *RD = recordOf(Type))
    Out.Classes.insert(qualifiedName(RD));
  if (Rule.Action != CallAction::Dialect || !Rule.ConnectionNameArg)
    return;
  const Expr *NameArg = *Rule.ConnectionNameArg < Args.size()
                            ? Args[*Rule.ConnectionNameArg]
                            : nullptr;
  if (std::optional<std::string> Name = connectionName(NameArg, Resolver))
    Out.ByName[*Name].add(Named);
  else
    Out.NameUnknown = true;
}

namespace {

/// The declaration \p LHS stores into: a variable, or a member of any
/// object (members are followed by declaration, not by object).
const ValueDecl *assignedDecl(const Expr *LHS) {
  LHS = LHS->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(LHS))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(LHS))
    return Member->getMemberDecl();
  return nullptr;
}

/// Whether a value of type \p T may be (or point to) an object: only such
/// values are followed.
bool mayHoldObject(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->isRecordType();
}

/// One walk of the unit: what is stored into variables and members, and
/// what calls pass each parameter.
class OriginWalk : public RecursiveASTVisitor<OriginWalk> {
public:
  using AssignedMap =
      llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Expr *, 2>>;
  using PassedMap = llvm::DenseMap<std::pair<const FunctionDecl *, unsigned>,
                                   llvm::SmallVector<const Expr *, 2>>;
  OriginWalk(AssignedMap &Assigned, PassedMap &Passed)
      : Assigned(Assigned), Passed(Passed) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      stored(BO->getLHS(), BO->getRHS());
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *CD) {
    for (const CXXCtorInitializer *Init : CD->inits())
      if (const FieldDecl *F = Init->getMember())
        if (Init->getInit() && mayHoldObject(F->getType()))
          Assigned[F].push_back(Init->getInit());
    return true;
  }
  bool VisitFieldDecl(FieldDecl *F) {
    if (const Expr *Init = F->getInClassInitializer();
        Init && mayHoldObject(F->getType()))
      Assigned[F].push_back(Init);
    return true;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      stored(Op->getArg(0), Op->getArg(1));
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      passed(Callee, callArguments(Call));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      passed(Ctor, llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                                Construct->getNumArgs()));
    return true;
  }

private:
  void stored(const Expr *LHS, const Expr *RHS) {
    if (const ValueDecl *D = assignedDecl(LHS);
        D && mayHoldObject(D->getType()))
      Assigned[D].push_back(RHS);
  }
  void passed(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) {
    unsigned N = std::min<unsigned>(Args.size(), Callee->getNumParams());
    for (unsigned I = 0; I < N; ++I)
      if (mayHoldObject(Callee->getParamDecl(I)->getType()))
        Passed[{Callee->getCanonicalDecl(), I}].push_back(Args[I]);
  }
  AssignedMap &Assigned;
  PassedMap &Passed;
};

} // namespace

struct ConnectionDialects::Query {
  const LibraryRules &Library;
  const LibraryConnections &Connections;
  /// Declarations followed so far: a cycle adds nothing.
  llvm::SmallPtrSet<const ValueDecl *, 8> Visited;
};

void ConnectionDialects::indexOrigins() {
  if (Indexed)
    return;
  Indexed = true;
  OriginWalk(Assigned, Passed).TraverseAST(Ctx);
}

bool ConnectionDialects::isConnection(QualType T,
                                      const LibraryRules &Library) const {
  auto It = Connections.find(Library.Library);
  const CXXRecordDecl *RD = recordOf(T);
  if (!RD)
    return false;
  auto Named = [&](const CXXRecordDecl *R) {
    for (const std::string &Name : classAndBases(R))
      if (Name == Library.Fixes.ConnectionType ||
          (It != Connections.end() && It->second.Classes.contains(Name)))
        return true;
    return false;
  };
  if (Named(RD))
    return true;
  // A smart pointer: a class template with `operator->` whose first
  // argument is the connection's class.
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || !Spec->hasDefinition() || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      llvm::none_of(Spec->getDefinition()->methods(), [](const auto *M) {
        return M->getOverloadedOperator() == OO_Arrow;
      }))
    return false;
  const CXXRecordDecl *Pointee =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Pointee && Named(Pointee);
}

llvm::SmallVector<const Expr *, 2>
ConnectionDialects::originsOf(const ValueDecl *D) const {
  llvm::SmallVector<const Expr *, 2> Origins;
  if (const auto *Param = dyn_cast<ParmVarDecl>(D)) {
    const auto *Fn = dyn_cast<FunctionDecl>(Param->getDeclContext());
    auto It = Fn ? Passed.find(
                       {Fn->getCanonicalDecl(), Param->getFunctionScopeIndex()})
                 : Passed.end();
    if (It != Passed.end())
      Origins.append(It->second.begin(), It->second.end());
    return Origins;
  }
  if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
    Origins.push_back(V->getInit());
  if (auto It = Assigned.find(D); It != Assigned.end())
    Origins.append(It->second.begin(), It->second.end());
  return Origins;
}

/// Every way \p D was given its connection; unknown where there is none
/// in the unit (a parameter no call here passes, an external variable).
DialectSet ConnectionDialects::ofDecl(const ValueDecl *D, Query &Q,
                                      unsigned Depth) {
  DialectSet Set;
  if (!D || !Q.Visited.insert(D).second)
    return Set;
  bool Any = false;
  if (auto It = Q.Connections.OpenedOn.find(D);
      It != Q.Connections.OpenedOn.end()) {
    Set.add(It->second);
    Any = true;
  }
  // A parameter is given what calls pass; a variable, what is stored.
  bool Passed = isa<ParmVarDecl>(D);
  for (const Expr *Origin : originsOf(D)) {
    Set.add(resolve(Origin, Q, Depth + 1, Passed));
    Any = true;
  }
  return Any ? Set : DialectSet::unknown();
}

/// The connection registered under the name \p NameArg spells.
DialectSet ConnectionDialects::named(const LibraryRules &Library,
                                     const Expr *NameArg) {
  auto It = Connections.find(Library.Library);
  std::optional<std::string> Name = connectionName(NameArg, Resolver);
  if (It == Connections.end() || !Name || It->second.NameUnknown)
    return DialectSet::unknown();
  auto Found = It->second.ByName.find(*Name);
  return Found == It->second.ByName.end() ? DialectSet::unknown()
                                          : Found->second;
}

/// A call or construction that a `dialect` rule says opens a connection
/// and hands it on, or that a `connection` rule says looks one up; nullopt
/// for any other.
std::optional<DialectSet> ConnectionDialects::ruleCall(const Expr *E) {
  const FunctionDecl *Callee = nullptr;
  const Expr *Object = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  const auto *Construct = dyn_cast<CXXConstructExpr>(E);
  if (Construct) {
    Callee = Construct->getConstructor();
    Args = llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                        Construct->getNumArgs());
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    Callee = Call->getDirectCallee();
    Object = objectOfCall(Call);
    Args = callArguments(Call);
  }
  if (!Callee)
    return std::nullopt;
  auto Arg = [&](std::optional<unsigned> N) -> const Expr * {
    return N && *N < Args.size() ? Args[*N] : nullptr;
  };
  for (const ApiModel::CallMatch &M : matchingRules(Model, Callee, Object)) {
    if (M.Rule->Action == CallAction::Connection)
      return named(*M.Library, Arg(M.Rule->ConnectionNameArg));
    if (M.Rule->Action != CallAction::Dialect ||
        (!Construct && M.Rule->Result != ResultKind::Return))
      continue;
    // A constructor without the argument opens nothing yet.
    DialectSet Set;
    if (const Expr *Spelt = Arg(M.Rule->DialectArg))
      Set.add(dialectNamedBy(Spelt, *M.Library, Resolver));
    return Set;
  }
  return std::nullopt;
}

/// How the connection \p E was opened. \p Argument: \p E is passed to a
/// call, where a default-constructed connection (`Query q("...")`, whose
/// connection argument defaults to `Connection()`) means the library's
/// default connection; elsewhere it means one not opened yet.
DialectSet ConnectionDialects::resolve(const Expr *E, Query &Q, unsigned Depth,
                                       bool Argument) {
  if (!E || Depth > 12)
    return DialectSet::unknown();
  if (const auto *Default =
          dyn_cast<CXXDefaultArgExpr>(E->IgnoreParenImpCasts()))
    return resolve(Default->getExpr(), Q, Depth + 1, /*Argument=*/true);
  E = stripWrappers(E);
  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    E = New->getConstructExpr();
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf))
    return resolve(UO->getSubExpr(), Q, Depth + 1, Argument);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
      Op && (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
      Op->getNumArgs() == 1)
    return resolve(Op->getArg(0), Q, Depth + 1, Argument);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return ofDecl(Ref->getDecl(), Q, Depth);
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
    return ofDecl(Member->getMemberDecl(), Q, Depth);
  if (!E || !isa<CallExpr, CXXConstructExpr>(E))
    return DialectSet::unknown();
  if (std::optional<DialectSet> Set = ruleCall(E))
    return *Set;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getNumArgs() == 0)
      return Argument ? named(Q.Library, nullptr) : DialectSet();
    // A smart pointer made from a connection's address.
    if (Construct->getNumArgs() == 1 &&
        isConnection(Construct->getType(), Q.Library))
      return resolve(Construct->getArg(0), Q, Depth + 1, Argument);
  }
  return DialectSet::unknown();
}

/// The connections \p E is made from: \p E itself where it is one, else
/// those in it and in the values of the statement objects it names
/// (`q.exec()` where `QueryClass q(db)`).
void ConnectionDialects::connectionsIn(
    const Expr *E, Query &Q, llvm::SmallVectorImpl<const Expr *> &Found,
    unsigned Depth) {
  if (!E || Depth > 12 || isa<LambdaExpr>(E))
    return;
  if (isConnection(E->getType(), Q.Library)) {
    Found.push_back(E);
    return;
  }
  // A statement object in a variable or member: what it was made from.
  const Expr *Bare = E->IgnoreParenImpCasts();
  const ValueDecl *Held = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Bare))
    Held = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Bare))
    Held = Member->getMemberDecl();
  if (Held && Q.Visited.insert(Held).second)
    for (const Expr *Origin : originsOf(Held))
      connectionsIn(Origin, Q, Found, Depth + 1);
  for (const Stmt *Child : E->children())
    connectionsIn(dyn_cast_or_null<Expr>(Child), Q, Found, Depth + 1);
}

DialectSet ConnectionDialects::of(const Stmt *RunsOn,
                                  const LibraryRules &Library) {
  auto It = Connections.find(Library.Library);
  if (!RunsOn || It == Connections.end())
    return DialectSet::unknown();
  indexOrigins();
  Query Q{Library, It->second, {}};
  const Expr *Object = nullptr;
  llvm::SmallVector<const Expr *, 4> Operands;
  if (const auto *Call = dyn_cast<CallExpr>(RunsOn)) {
    Object = objectOfCall(Call);
    if (Object)
      Operands.push_back(Object);
    llvm::append_range(Operands, callArguments(Call));
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(RunsOn)) {
    Operands.append(Construct->arg_begin(), Construct->arg_end());
  } else if (const auto *E = dyn_cast<Expr>(RunsOn)) {
    Operands.push_back(E);
  }
  // The connection among the object and arguments; else the one the
  // object (or, without one, an argument) was made from.
  llvm::SmallVector<const Expr *, 2> Found;
  for (const Expr *Operand : Operands)
    if (isConnection(Operand->getType(), Library))
      Found.push_back(Operand);
  if (Found.empty())
    for (const Expr *Operand : Operands)
      if (!Object || Operand == Object)
        connectionsIn(Operand, Q, Found, 0);
  if (Found.empty())
    return DialectSet::unknown();
  Q.Visited.clear();
  DialectSet Set;
  for (const Expr *Connection : Found)
    Set.add(resolve(Connection, Q, 0, /*Argument=*/true));
  return Set;
}

} // namespace dbrace
