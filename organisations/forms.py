from django import forms

from organisations.models import ProblemReport


class ProblemReportForm(forms.ModelForm):
    class Meta:
        model = ProblemReport
        fields = ["message", "reporter_email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}
