// The race window: the one thing the integration scenarios add to the code
// they prove.
//
// A scenario's flagged function calls race_window() between its read and
// the write that the read decides. The call sleeps a few milliseconds (a
// fixed base plus a jitter from a seeded generator), standing for the work a
// real request does there. Without it the window is a few microseconds and
// the race shows only sometimes; with it every client has read before the
// first one writes, so the flagged program breaks its invariant on every try
// and the fixed one, which holds a lock across the window, must really wait.
//
// It is declared here and defined in harness.cpp, so dbrace sees an unknown
// call, neither a slow call nor a database one, and judges the code as if
// the window were not there.
#pragma once

void race_window();
