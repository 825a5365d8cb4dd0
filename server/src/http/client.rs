//! Who a request comes from, as the limits count clients: the connection's IP address, an
//! IPv4-mapped IPv6 address as the IPv4 one, and an IPv6 address by its /64 network (one
//! household or one server is handed a whole /64, so counting single IPv6 addresses would let
//! one client appear as billions).

use axum::extract::{ConnectInfo, Request};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The client of `request` as the limits count it; unspecified when the request came
/// without a connection (never, when served by `connections::serve`).
pub fn client_of(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| {
            client_key(info.0.ip())
        })
}

/// `address` as the limits count it.
pub fn client_key(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let network = u128::from(v6) & !((1u128 << 64) - 1);
                IpAddr::V6(Ipv6Addr::from(network))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::client_key;
    use std::net::IpAddr;

    fn key(text: &str) -> String {
        client_key(text.parse::<IpAddr>().unwrap()).to_string()
    }

    #[test]
    fn addresses_are_counted_by_client() {
        assert_eq!(key("203.0.113.7"), "203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::");
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
    }
}
