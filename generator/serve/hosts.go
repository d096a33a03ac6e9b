package serve

import (
	"net"
	"net/http"
	"os"
	"strings"
)

// loopback reports whether the address (host:port) is on this machine
// only: localhost or a loopback IP. An empty host is every interface.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// allowedHosts are the names a request's Host may give for the listener:
// localhost and the loopback addresses, and, beyond loopback, the address
// listened on (every interface's for 0.0.0.0) and the machine's name.
func allowedHosts(a net.Addr) map[string]bool {
	allowed := map[string]bool{"localhost": true, "127.0.0.1": true, "::1": true}
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return allowed
	}
	if !tcp.IP.IsUnspecified() {
		allowed[tcp.IP.String()] = true
		return allowed
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, ad := range addrs {
			if ipn, ok := ad.(*net.IPNet); ok {
				allowed[ipn.IP.String()] = true
			}
		}
	}
	if name, err := os.Hostname(); err == nil {
		allowed[strings.ToLower(name)] = true
		allowed[strings.ToLower(name)+".local"] = true
	}
	return allowed
}

// hostGuard answers only requests whose Host names this server: a page of
// another site that points its own name at 127.0.0.1 (DNS rebinding) gets
// 403, the live-reload stream included.
func hostGuard(next http.Handler, allowed map[string]bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.ToLower(strings.Trim(host, "[]"))
		if !allowed[host] {
			http.Error(w, "forbidden: this development server answers only requests for the names it listens on (localhost)", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
