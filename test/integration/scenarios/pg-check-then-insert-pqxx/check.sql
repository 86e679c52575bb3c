-- One row per natural key (customer, code): one claim, by 8 clients.
SELECT (count(*) = 1)::int, format('claims=%s', count(*))
FROM claims WHERE customer = 42 AND code = 'WELCOME'
