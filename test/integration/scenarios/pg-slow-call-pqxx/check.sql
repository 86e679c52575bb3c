-- Every order placed and counted: stock + orders = 100.
SELECT (p.stock + o.n = 100)::int, format('orders=%s stock=%s', o.n, p.stock)
FROM products p, (SELECT count(*) AS n FROM orders) o
WHERE p.id = 1
