// Package jsondup finds JSON object members named twice. encoding/json reads
// such an object silently as the last of them, so a body or a filter could be
// stored or run as other than its writer meant; mapsrv refuses it instead.
// encoding/json matches a member to a field whatever the case of its name
// ("KILLED" and "killed" both set Killed, and so does "\u212Ailled" with a
// Kelvin sign), so names equal but for case count as one name.
package jsondup

// Find returns the first member named twice in one object of the JSON text
// data, the name it had before (the same, or the same but for case), and
// the path of that object under root ("filter.args[0]", "properties"); name
// is "" when there is none, or when data is not JSON (which its reader will
// say). It is First, told as three strings.
func Find(data []byte, root string) (path, name, before string) {
	d, ok := First(data, root)
	if !ok {
		return "", "", ""
	}
	name = d.Again
	if name == "" {
		name = d.Name
	}
	return d.Path, name, d.Name
}
