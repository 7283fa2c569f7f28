package remotebackend

import (
	"fmt"

	libvirt "github.com/digitalocean/go-libvirt"

	"github.com/vertscript/vertscript/host/driver"
)

// The connection's statistics of many domains (driver.ConnDomainStats).

// GetAllDomainStats returns each record with its domain as the daemon
// named it.
func (c *conn) GetAllDomainStats(stats, flags uint32) ([]driver.DomainStatsRecord, error) {
	recs, err := c.l.ConnectGetAllDomainStats(nil, stats, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.DomainStatsRecord, len(recs))
	for i, r := range recs {
		out[i] = driver.DomainStatsRecord{Domain: c.domain(r.Dom), Params: fromWire(r.Params)}
	}
	return out, nil
}

// DomainListGetStats refuses, as libvirt's virDomainListGetStats does
// before calling a driver, an empty list and domains of other
// connections; records take the index of their domain in doms.
func (c *conn) DomainListGetStats(doms []driver.Domain, stats, flags uint32) ([]driver.DomainStatsRecord, error) {
	if len(doms) == 0 {
		return nil, invalidArg(fromDomain, "doms array in virDomainListGetStats must contain at least one domain")
	}
	list := make([]libvirt.Domain, len(doms))
	for i, hd := range doms {
		d, ok := hd.(*domain)
		if !ok {
			return nil, fmt.Errorf("remotebackend: domain %d of the list is a %T, not this backend's", i, hd)
		}
		if d.c != c {
			return nil, &driver.Error{Code: errInvalidArg, Domain: fromDomain, Level: driver.ErrError,
				Message: "invalid argument: domains in the list must belong to a single connection"}
		}
		list[i] = d.d
	}
	recs, err := c.l.ConnectGetAllDomainStats(list, stats, flags)
	if err != nil {
		return nil, c.conv(err)
	}
	out := make([]driver.DomainStatsRecord, 0, len(recs))
	for _, r := range recs {
		idx := -1
		for j, d := range list {
			if d.UUID == r.Dom.UUID {
				idx = j
				break
			}
		}
		if idx < 0 {
			return nil, fmt.Errorf("remotebackend: virDomainListGetStats returned a domain not in the list")
		}
		out = append(out, driver.DomainStatsRecord{Index: idx, Params: fromWire(r.Params)})
	}
	return out, nil
}
