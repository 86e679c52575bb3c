-- Seats never negative and bookings = capacity (3 seats, more clients).
SELECT e.available_seats >= 0 AND b.n = 3,
       'bookings=' || b.n || ' seats_left=' || e.available_seats
FROM events e, (SELECT count(*) AS n FROM bookings) b
WHERE e.id = 1
