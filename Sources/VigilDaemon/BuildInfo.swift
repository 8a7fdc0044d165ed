/// The version this binary reports in `vigil --version` and `vigil_build_info`.
public enum BuildInfo {
    public static let version = "0.1.0"
}
