//! What the commands that drive a real server share (`chaos`, `bench-flood`): the server run
//! as a child process on a free loopback port, and a plain HTTP/1.1 client that can speak from
//! any loopback address, as many different clients would.

pub mod child;
pub mod client;
