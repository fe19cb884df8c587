// The container layer: zip archives with limits, streaming XML, XML writing and escaping.
import CZip
import CLibXML2
import Foundation

/// The versions of the C libraries this build links, for the run manifest.
public enum LinkedLibraries {
    public static var libzip: String { String(cString: zip_libzip_version()) }
}
