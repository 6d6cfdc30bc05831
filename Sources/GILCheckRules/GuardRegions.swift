import GILCheckCore

/// Rules that report once per held lock or detached region: the uses inside each region, in
/// source order, with the guard that opened it.
struct GuardRegions {
    struct Use {
        var name: String
        var location: SourceLocation
    }

    private var uses: [Int: [Use]] = [:]
    private var guards: [Int: Guard] = [:]

    mutating func add(_ name: String, at location: SourceLocation, in region: Guard) {
        uses[region.id, default: []].append(Use(name: name, location: location))
        guards[region.id] = region
    }

    /// Each region's guard and its uses (source order), regions in the order they were opened.
    var regions: [(region: Guard, uses: [Use])] {
        uses.keys.sorted().compactMap { id in
            guard let g = guards[id], let list = uses[id] else { return nil }
            return (g, list.sorted { $0.location < $1.location })
        }
    }
}
