using Census.Contracts.Access;
using Census.Domain.Validation;

namespace Census.Domain.Access;

/// <summary>Offers and what a use of a release costs (provision.md §3 "Offers").</summary>
public static class OfferRules
{
    public const long MaxPriceKrw = 1_000_000_000;

    public static ValidationErrors Validate(OfferDefinition? offer)
    {
        var errors = new ValidationErrors();
        if (offer is null)
        {
            return errors.Add("$", "A JSON object is required.");
        }

        Rules.Required(errors, "pricing", offer.Pricing);
        Rules.Required(errors, "priceKrw", offer.PriceKrw);
        if (offer.Pricing == Pricing.Free && offer.PriceKrw is not null and not 0)
        {
            errors.Add("priceKrw", "must be 0 when the pricing is free.");
        }
        else if (offer.Pricing is Pricing.PerDownload or Pricing.Flat && offer.PriceKrw is < 1 or > MaxPriceKrw)
        {
            errors.Add("priceKrw", $"must be 1–{MaxPriceKrw} KRW for a fee.");
        }

        return errors;
    }

    /// <summary>The fee a completed download owes under the offer: the price when it charges per download, else none.</summary>
    public static long? DownloadFee(Offer? offer) => offer is { Pricing: Pricing.PerDownload } o ? o.PriceKrw : null;

    /// <summary>The fee a grant owes once under the offer: the price when it is flat, else none.</summary>
    public static long? GrantFee(Offer? offer) => offer is { Pricing: Pricing.Flat } o ? o.PriceKrw : null;
}
