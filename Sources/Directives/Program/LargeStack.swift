#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on a thread with a large stack: parsing, compiling and evaluating a cell recurse as
/// deep as its nesting (a 20,000-term sum, recursion 10,000 calls deep), more than the main
/// thread's 8 MB holds.
enum LargeStack {
  static let bytes = 1 << 30

  private final class Work {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
  }

  static func run(_ body: () -> Void) {
    withoutActuallyEscaping(body) { escapable in
      let work = Unmanaged.passRetained(Work(escapable))
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      defer { pthread_attr_destroy(&attributes) }
      pthread_attr_setstacksize(&attributes, bytes)
      #if canImport(Darwin)
        var thread: pthread_t?
      #else
        var thread = pthread_t()
      #endif
      let started = pthread_create(
        &thread, &attributes,
        { raw in
          // Optional on Linux, not on Darwin: widened so one closure compiles on both.
          guard let context = raw as UnsafeMutableRawPointer? else { return nil }
          Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
          return nil
        }, work.toOpaque())
      if started != 0 {
        // No thread to be had: run here, with the ordinary stack.
        work.takeRetainedValue().body()
        return
      }
      #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
      #else
        pthread_join(thread, nil)
      #endif
    }
  }
}
