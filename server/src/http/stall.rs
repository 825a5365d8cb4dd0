//! A connection whose writes must make progress: a client that stops reading its responses
//! (so that the server's writes wait forever) is cut off after `limit` without progress,
//! whether it is downloading a page or holding a WebSocket.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;

pub struct WriteStall<IO> {
    io: IO,
    limit: Duration,
    /// Armed while a write waits; cleared when one makes progress.
    alarm: Option<Pin<Box<Sleep>>>,
}

impl<IO> WriteStall<IO> {
    pub fn new(io: IO, limit: Duration) -> Self {
        Self {
            io,
            limit,
            alarm: None,
        }
    }

    /// What a waiting write answers: still waiting, or an error once the limit has passed.
    fn waiting<T>(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<T>> {
        let limit = self.limit;
        let alarm = self
            .alarm
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match alarm.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }

    fn progressed<T>(&mut self, ready: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        match ready {
            Poll::Pending => unreachable!("only ready results make progress"),
            ready => {
                self.alarm = None;
                ready
            }
        }
    }
}

/// Delegates one write-side call, arming the alarm while it waits.
macro_rules! guarded {
    ($self:ident, $cx:ident, $call:expr) => {{
        let this = $self.get_mut();
        match $call(Pin::new(&mut this.io), &mut *$cx) {
            Poll::Pending => this.waiting($cx),
            ready => this.progressed(ready),
        }
    }};
}

impl<IO: AsyncRead + Unpin> AsyncRead for WriteStall<IO> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(cx, buf)
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for WriteStall<IO> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        guarded!(self, cx, |io: Pin<&mut IO>, cx| io.poll_write(cx, buf))
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        guarded!(self, cx, |io: Pin<&mut IO>, cx| io
            .poll_write_vectored(cx, bufs))
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        guarded!(self, cx, |io: Pin<&mut IO>, cx| io.poll_flush(cx))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        guarded!(self, cx, |io: Pin<&mut IO>, cx| io.poll_shutdown(cx))
    }
}

#[cfg(test)]
mod tests {
    use super::WriteStall;
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn a_reader_that_stops_reading_is_cut_off_and_one_that_reads_is_not() {
        let (server, mut client) = tokio::io::duplex(64);
        let mut server = WriteStall::new(server, Duration::from_millis(300));
        // The client reads slowly but steadily: every write makes progress in time.
        let reader = tokio::spawn(async move {
            let mut buffer = [0u8; 64];
            for _ in 0..8 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                client.read_exact(&mut buffer).await.unwrap();
            }
            client
        });
        server
            .write_all(&[7u8; 64 * 8])
            .await
            .expect("a steady reader");
        let _client = reader.await.unwrap();
        // Now nobody reads: once the buffer is full, the write fails after the limit.
        let stalled = tokio::time::timeout(Duration::from_secs(3), server.write_all(&[7u8; 256]))
            .await
            .expect("the stall limit ends the write");
        assert_eq!(stalled.unwrap_err().kind(), std::io::ErrorKind::TimedOut);
    }
}
