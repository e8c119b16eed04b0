// A suite starts an emulator (a worker pool) and seeds the demo bureau before its first test; on a busy
// 2-core machine that alone can pass jest's 5 s default for a hook. Timing is never what a test asserts
// here (the benches measure it), so each test and hook gets 30 s before jest gives up on it.
jest.setTimeout(30_000)
