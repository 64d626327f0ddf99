using System.Resources;

[assembly: NeutralResourcesLanguage("fi")]

namespace CooperationModel.Web;

/// <summary>
/// The marker type of the app's strings: Resources/SharedResource.resx is Finnish (the default),
/// with .sv.resx and .en.resx beside it. Error codes from the domain and the validators are keys here too.
/// </summary>
public sealed class SharedResource;
