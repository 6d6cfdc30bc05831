extension RandomAccessCollection where Index == Int {
    /// The index of the first element whose key is not below `key`, in a collection sorted by
    /// that key (a binary search); `endIndex` when there is none.
    func lowerBound<Key: Comparable>(of key: Key, by keyOf: (Element) -> Key) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if keyOf(self[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
