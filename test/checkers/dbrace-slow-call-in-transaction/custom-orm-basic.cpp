// A user's own repository layer (examples/custom-orm), described to dbrace
// only by the rules file next to it.
// RUN: %check_dbrace %s dbrace-slow-call-in-transaction %t -- --config="{CheckOptions: {RulesFiles: '%S/../../../examples/custom-orm/orm.yaml'}}" -- -I %S/../../../examples/custom-orm

#include "orm/orm.h"

#include <string>

struct Event : orm::Model<Event> {
  int id = 0;
  std::string title;
  int available_seats = 0;
};

// 4. The confirmation mail goes out while the event row is locked: every
// other booking of the event waits for the mail server.
bool book_and_mail(orm::Database &db, int event_id, const std::string &email) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  if (e.available_seats <= 0)
    return false;
  e.available_seats -= 1;
  e.save();
  orm::send_mail(email, "Your ticket", "See you at " + e.title);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'orm::send_mail' while a lock is held; every request waiting for the lock waits for this call too [dbrace-slow-call-in-transaction]
  // CHECK-NOTES: :[[@LINE-7]]:13: note: the lock is taken here
  return true;
}

// A webhook under the lock, in a helper of this file.
static void notify_partner(int event_id) {
  orm::http_post("https://partner.example/hooks/booking", std::to_string(event_id));
}

void book_and_notify(orm::Database &db, int event_id) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().select_for_update().get(event_id);
  notify_partner(event_id);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: slow call to 'notify_partner' while a lock is held
  // CHECK-NOTES: :[[@LINE-8]]:3: note: which makes a slow call here
  // CHECK-NOTES: :[[@LINE-4]]:13: note: the lock is taken here
  e.available_seats -= 1;
  e.save();
}

// ---- Not flagged ----

// The fix: the mail goes out after the atomic block has committed.
bool book_then_mail(orm::Database &db, int event_id, const std::string &email) {
  std::string title;
  {
    orm::transaction::atomic guard(db);
    Event e = Event::objects().select_for_update().get(event_id);
    if (e.available_seats <= 0)
      return false;
    e.available_seats -= 1;
    e.save();
    title = e.title;
  }
  orm::send_mail(email, "Your ticket", "See you at " + title);
  return true;
}

// No lock held: a plain read in a transaction.
void remind(orm::Database &db, int event_id, const std::string &email) {
  orm::transaction::atomic guard(db);
  Event e = Event::objects().get(event_id);
  orm::send_mail(email, "Reminder", e.title);
}
