//! Who the client is behind a reverse proxy. A proxy that ends TLS or spreads load opens its
//! own connection to us, so the socket's peer is the proxy, and the client's address comes in
//! a header the proxy adds: `X-Forwarded-For` (nginx, HAProxy, Caddy, Traefik, cloud load
//! balancers) or RFC 7239's `Forwarded`. Anyone can send those headers, so they are read only
//! when the peer is one of the configured trusted proxies, and only as far as trusted proxies
//! vouch for them: walking the list from its end (the hop nearest to us), the first address
//! that is not a trusted proxy is the client. What a client wrote before it is ignored, and an
//! entry a proxy could not name (`unknown`, an obfuscated name, garbage) stops the walk at the
//! last address known.
//!
//! Only one of the two headers is read, the one the proxies are configured to set: a proxy
//! that sets `X-Forwarded-For` passes a client's own `Forwarded` through untouched, so reading
//! both would let a client choose its address.

use anyhow::{Context, bail};
use axum::http::HeaderMap;
use clap::ValueEnum;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// At most this many hops of a header are looked at, from its end: a longer chain of trusted
/// proxies is not a real deployment, and the walk stays bounded whatever a client sends.
const MAX_HOPS: usize = 16;

/// The header the trusted proxies set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ProxyHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2`.
    #[default]
    XForwardedFor,
    /// RFC 7239: `Forwarded: for=client, for="[2001:db8::1]:4711"`.
    Forwarded,
}

impl ProxyHeader {
    fn name(self) -> &'static str {
        match self {
            Self::XForwardedFor => "x-forwarded-for",
            Self::Forwarded => "forwarded",
        }
    }
}

/// The proxies whose word about the client is taken; none by default.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies {
    networks: Arc<[Network]>,
    header: ProxyHeader,
}

/// An address range: `10.0.0.0/8`, `fd00::/8`, or one address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Network {
    base: u128,
    mask: u128,
    v4: bool,
}

impl TrustedProxies {
    /// The proxies of a comma-separated list of addresses and ranges
    /// (`127.0.0.1, 10.0.0.0/8, fd00::/8`), which set `header`.
    pub fn parse(list: &str, header: ProxyHeader) -> anyhow::Result<Self> {
        let networks = list
            .split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                Network::parse(entry).with_context(|| {
                    format!("--trusted-proxies: {entry:?} is not an address or a range")
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Self {
            networks: networks.into(),
            header,
        })
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.networks
            .iter()
            .any(|network| network.contains(address))
    }

    /// The client of a request that arrived from `peer` with `headers`: `peer` itself unless
    /// it is a trusted proxy. A forwarded client's port is unknown, so it is 0.
    pub fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> SocketAddr {
        if !self.trusts(peer.ip()) {
            return peer;
        }
        let mut client = peer.ip();
        let lines: Vec<&[u8]> = headers
            .get_all(self.header.name())
            .iter()
            .map(|value| value.as_bytes())
            .collect();
        let hops = lines
            .iter()
            .rev()
            .flat_map(|line| line.rsplit(|&byte| byte == b','))
            .take(MAX_HOPS);
        for hop in hops {
            let named = std::str::from_utf8(hop)
                .ok()
                .and_then(|hop| match self.header {
                    ProxyHeader::XForwardedFor => node(hop),
                    ProxyHeader::Forwarded => forwarded_for(hop),
                });
            let Some(address) = named else { break };
            client = normalised(address);
            if !self.trusts(client) {
                break;
            }
        }
        if client == peer.ip() {
            peer
        } else {
            SocketAddr::new(client, 0)
        }
    }
}

impl Network {
    fn parse(text: &str) -> anyhow::Result<Self> {
        let (address, bits) = match text.split_once('/') {
            Some((address, bits)) => (address, Some(bits)),
            None => (text, None),
        };
        let address = address.parse::<IpAddr>()?;
        let bits = bits.map(str::parse::<u32>).transpose()?;
        // An IPv4-mapped range (`::ffff:10.0.0.0/104`) is the IPv4 one (`10.0.0.0/8`).
        let (address, bits) = match (address, bits) {
            (IpAddr::V6(v6), Some(bits)) if bits >= 96 && v6.to_ipv4_mapped().is_some() => {
                (normalised(address), Some(bits - 96))
            }
            (address, None) => (normalised(address), None),
            other => other,
        };
        let (value, width) = match address {
            IpAddr::V4(v4) => (u128::from(u32::from(v4)), 32),
            IpAddr::V6(v6) => (u128::from(v6), 128),
        };
        let bits = bits.unwrap_or(width);
        if bits > width {
            bail!("a /{bits} range of a {width}-bit address");
        }
        let mask = if bits == 0 {
            0
        } else {
            (u128::MAX << (width - bits)) & (u128::MAX >> (128 - width))
        };
        Ok(Self {
            base: value & mask,
            mask,
            v4: width == 32,
        })
    }

    fn contains(&self, address: IpAddr) -> bool {
        match normalised(address) {
            IpAddr::V4(v4) => self.v4 && u128::from(u32::from(v4)) & self.mask == self.base,
            IpAddr::V6(v6) => !self.v4 && u128::from(v6) & self.mask == self.base,
        }
    }
}

/// An IPv4-mapped IPv6 address as the IPv4 one, so a dual-stack socket's peers match IPv4
/// ranges.
fn normalised(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(address, IpAddr::V4),
        IpAddr::V4(_) => address,
    }
}

/// The address of one `Forwarded` element's `for=` parameter.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("for") {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|inner| inner.strip_suffix('"'))
            .unwrap_or(value);
        node(value)
    })
}

/// An address as proxies write it: `192.0.2.7`, `192.0.2.7:4711`, `2001:db8::7` or
/// `[2001:db8::7]:4711`. `unknown`, obfuscated names (`_hidden`) and anything else are none.
fn node(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.starts_with(':')) {
            return None;
        }
        return inside.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6);
    }
    if let Ok(address) = text.parse::<IpAddr>() {
        return Some(address);
    }
    let (host, port) = text.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use super::{ProxyHeader, TrustedProxies};
    use axum::http::{HeaderMap, HeaderValue};
    use std::net::SocketAddr;

    fn client_of(trusted: &str, header: ProxyHeader, peer: &str, lines: &[&str]) -> String {
        let proxies = TrustedProxies::parse(trusted, header).unwrap();
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append(header.name(), HeaderValue::from_str(line).unwrap());
        }
        let peer: SocketAddr = peer.parse().unwrap();
        let client = proxies.client(peer, &headers);
        if client == peer {
            format!("peer {client}")
        } else {
            client.ip().to_string()
        }
    }

    fn xff(trusted: &str, peer: &str, lines: &[&str]) -> String {
        client_of(trusted, ProxyHeader::XForwardedFor, peer, lines)
    }

    fn forwarded(trusted: &str, peer: &str, lines: &[&str]) -> String {
        client_of(trusted, ProxyHeader::Forwarded, peer, lines)
    }

    const PEER: &str = "10.0.0.2:5000";

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client() {
        assert_eq!(xff("", PEER, &["203.0.113.9"]), "peer 10.0.0.2:5000");
        assert_eq!(
            xff("10.0.0.1", PEER, &["203.0.113.9"]),
            "peer 10.0.0.2:5000"
        );
        assert_eq!(
            forwarded("192.168.0.0/16", PEER, &["for=203.0.113.9"]),
            "peer 10.0.0.2:5000"
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_client() {
        assert_eq!(xff("10.0.0.0/8", PEER, &["203.0.113.9"]), "203.0.113.9");
        assert_eq!(
            xff("10.0.0.2", PEER, &[" 203.0.113.9:4711 "]),
            "203.0.113.9"
        );
        assert_eq!(xff("10.0.0.0/8", PEER, &["2001:db8::7"]), "2001:db8::7");
        assert_eq!(
            forwarded(
                "10.0.0.0/8",
                PEER,
                &["for=\"[2001:db8:cafe::17]:4711\";proto=https"]
            ),
            "2001:db8:cafe::17"
        );
        assert_eq!(
            forwarded("10.0.0.0/8", PEER, &["proto=https;For=198.51.100.3"]),
            "198.51.100.3"
        );
        assert_eq!(
            xff("::ffff:10.0.0.0/104", PEER, &["::ffff:198.51.100.3"]),
            "198.51.100.3",
            "mapped addresses count as IPv4 on both sides"
        );
    }

    #[test]
    fn what_the_client_wrote_before_the_proxy_is_ignored() {
        assert_eq!(
            xff("10.0.0.0/8", PEER, &["1.1.1.1, 203.0.113.9"]),
            "203.0.113.9"
        );
        assert_eq!(
            xff("10.0.0.0/8", PEER, &["1.1.1.1", "203.0.113.9"]),
            "203.0.113.9",
            "separate header lines are one list"
        );
        assert_eq!(
            forwarded("10.0.0.0/8", PEER, &["for=1.1.1.1, for=203.0.113.9"]),
            "203.0.113.9"
        );
        assert_eq!(
            xff("10.0.0.0/8", PEER, &["1.1.1.1, 203.0.113.9, 10.0.0.7"]),
            "203.0.113.9",
            "a chain of trusted proxies is walked"
        );
    }

    #[test]
    fn the_other_header_is_not_read() {
        let proxies = TrustedProxies::parse("10.0.0.0/8", ProxyHeader::XForwardedFor).unwrap();
        let mut headers = HeaderMap::new();
        headers.insert("forwarded", HeaderValue::from_static("for=1.1.1.1"));
        let peer: SocketAddr = PEER.parse().unwrap();
        assert_eq!(proxies.client(peer, &headers), peer);
    }

    #[test]
    fn unnamed_hops_stop_at_the_last_known_address() {
        assert_eq!(xff("10.0.0.0/8", PEER, &[]), "peer 10.0.0.2:5000");
        assert_eq!(xff("10.0.0.0/8", PEER, &["unknown"]), "peer 10.0.0.2:5000");
        assert_eq!(
            xff("10.0.0.0/8", PEER, &["1.1.1.1, 10.0.0.9, garbage"]),
            "peer 10.0.0.2:5000"
        );
        assert_eq!(
            xff("10.0.0.0/8", PEER, &["1.1.1.1, garbage, 10.0.0.9"]),
            "10.0.0.9"
        );
        assert_eq!(
            forwarded("10.0.0.0/8", PEER, &["for=_hidden"]),
            "peer 10.0.0.2:5000"
        );
        assert_eq!(
            forwarded("10.0.0.0/8", PEER, &["for=\"[2001:db8::1]x\""]),
            "peer 10.0.0.2:5000"
        );
        assert_eq!(
            xff("10.0.0.0/8", PEER, &["10.0.0.8, 10.0.0.9"]),
            "10.0.0.8",
            "only trusted hops: the first one named"
        );
    }

    #[test]
    fn a_long_chain_is_walked_only_so_far() {
        let chain = vec!["10.0.0.9"; 1000].join(",");
        let line = format!("203.0.113.9,{chain}");
        assert_eq!(xff("10.0.0.0/8", PEER, &[&line]), "10.0.0.9");
    }

    #[test]
    fn bad_lists_are_refused() {
        for bad in [
            "10.0.0.0/33",
            "fd00::/129",
            "example.org",
            "10.0.0.0/x",
            "10.0.0.0/8/8",
        ] {
            assert!(
                TrustedProxies::parse(bad, ProxyHeader::XForwardedFor).is_err(),
                "{bad}"
            );
        }
        assert!(
            TrustedProxies::parse(" 127.0.0.1 , ::1, 0.0.0.0/0 ,", ProxyHeader::Forwarded).is_ok()
        );
    }
}
