-- A coupon used at most its limit (3), and exactly that often by 8 clients.
SELECT (r.n = 3 AND c.uses_left = 0)::int,
       format('redemptions=%s uses_left=%s', r.n, c.uses_left)
FROM coupons c, (SELECT count(*) AS n FROM redemptions) r
WHERE c.code = 'SPRING'
