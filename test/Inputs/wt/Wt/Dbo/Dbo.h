// Mock of Wt 4's Wt/Dbo/Dbo.h: includes the whole ORM.
#ifndef MOCK_WT_DBO_DBO_H
#define MOCK_WT_DBO_DBO_H
#include "Wt/Dbo/Call.h"
#include "Wt/Dbo/Exception.h"
#include "Wt/Dbo/Field.h"
#include "Wt/Dbo/Query.h"
#include "Wt/Dbo/Session.h"
#include "Wt/Dbo/Transaction.h"
#include "Wt/Dbo/collection.h"
#include "Wt/Dbo/ptr.h"
#endif
