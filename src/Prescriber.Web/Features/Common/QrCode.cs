using QRCoder;

namespace Prescriber.Web.Features.Common;

/// <summary>A QR code as inline SVG (a plan link, an authenticator key): no image request, prints sharp.</summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
