using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;

namespace Workshops.Web.Localization;

/// <summary>
/// MVC translates a validation attribute's <c>ErrorMessage</c> only through an adapter, and it has adapters
/// just for its own classic attributes (Required, StringLength, Range…). Without this, AllowedValues and our
/// own attributes would answer in Finnish whatever the language.
/// </summary>
internal sealed class LocalizingAttributeAdapterProvider : IValidationAttributeAdapterProvider
{
    private readonly ValidationAttributeAdapterProvider _builtIn = new();

    public IAttributeAdapter? GetAttributeAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer) =>
        _builtIn.GetAttributeAdapter(attribute, stringLocalizer) ?? new MessageAdapter(attribute, stringLocalizer);

    private sealed class MessageAdapter(ValidationAttribute attribute, IStringLocalizer? stringLocalizer)
        : AttributeAdapterBase<ValidationAttribute>(attribute, stringLocalizer)
    {
        // The site validates on the server only.
        public override void AddValidation(ClientModelValidationContext context)
        {
        }

        public override string GetErrorMessage(ModelValidationContextBase validationContext) =>
            GetErrorMessage(validationContext.ModelMetadata, validationContext.ModelMetadata.GetDisplayName());
    }
}
