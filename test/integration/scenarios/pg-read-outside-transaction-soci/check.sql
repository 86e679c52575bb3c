-- The balance never below zero, and the ledger sums: 100 less what it lists.
SELECT (a.balance >= 0 AND a.balance = 100 - l.total)::int,
       format('balance=%s withdrawals=%s', a.balance, l.n)
FROM accounts a, (SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM ledger) l
WHERE a.id = 1
